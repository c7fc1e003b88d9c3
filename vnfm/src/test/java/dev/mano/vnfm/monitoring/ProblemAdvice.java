package dev.mano.vnfm.monitoring;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders ErrorResponseException as problem+json in standalone MockMvc, as the
 * orchestrator's ProblemHandler (a ResponseEntityExceptionHandler too) does in the app.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
}

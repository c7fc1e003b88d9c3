package dev.mano.orchestrator.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every error into {@code application/problem+json}; Spring's own MVC errors included. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        pd.setType(e.typeUri());
        pd.setTitle(e.title());
        e.properties().forEach(pd::setProperty);
        return ResponseEntity.status(e.status()).body(pd);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(ObjectOptimisticLockingFailureException e) {
        return apiProblem(ApiProblem.conflict("concurrent-update",
                "The resource was changed by another request; read it again and retry"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(apiProblem(ApiProblem.tooLarge(e.getMaxUploadSize())).getBody());
    }
}

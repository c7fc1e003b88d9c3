// @vitest-environment node
import { readSse } from './sse';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(encoder.encode(c)));
      controller.close();
    },
  });
}

describe('readSse', () => {
  it('parses named events split across chunks, multi-line data, comments and CRLF', async () => {
    const events = [];
    for await (const e of readSse(streamOf([
      ': keep-alive\n\nevent:indic', 'ators\ndata:{"a":1}\n\n',
      'data: line one\r\ndata: line two\r\n\r\n',
      'event: ignored-without-data\n\n',
    ]))) events.push(e);
    expect(events).toEqual([
      { event: 'indicators', data: '{"a":1}' },
      { event: 'message', data: 'line one\nline two' },
    ]);
  });
});

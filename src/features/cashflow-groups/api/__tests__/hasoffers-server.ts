// A test HasOffers behind msw: records each call's parameters and answers with a canned envelope.
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';

export interface RecordedCall {
  method: string;
  params: URLSearchParams;
  headers: Headers;
  contentType: string | null;
}

export function envelope(data: unknown) {
  return {
    request: { Target: 'x', Method: 'y' },
    response: { status: 1, httpStatus: 200, data, errors: [], errorMessage: null },
  };
}

export function failure(errorMessage: string, messages: string[] = [errorMessage]) {
  return {
    request: { Target: 'x', Method: 'y' },
    response: {
      status: -1,
      httpStatus: 200,
      data: '',
      errors: messages.map((m) => ({ publicMessage: m })),
      errorMessage,
    },
  };
}

export function hasOffersServer() {
  const calls: RecordedCall[] = [];
  let answer: (call: RecordedCall) => JsonBodyType = () => envelope([]);
  const server = setupServer(
    http.all('*/api/hasoffers', async ({ request }) => {
      const url = new URL(request.url);
      const params =
        request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
      const call: RecordedCall = {
        method: request.method,
        params,
        headers: request.headers,
        contentType: request.headers.get('content-type'),
      };
      calls.push(call);
      return HttpResponse.json(answer(call));
    }),
  );
  return {
    server,
    calls,
    answerWith(fn: (call: RecordedCall) => JsonBodyType) {
      answer = fn;
    },
    reset() {
      calls.length = 0;
      answer = () => envelope([]);
    },
  };
}

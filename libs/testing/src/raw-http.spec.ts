import { refusalProblems, type RawResponse } from './raw-http';

const problem = (status: number, body: Record<string, unknown>, contentType = 'application/problem+json; charset=utf-8'): RawResponse => ({ status, contentType, text: JSON.stringify(body), body });
const refusal = { type: 'https://corridor.gms/problems/validation', title: 'Bad request', status: 400, detail: 'name must be a string' };

describe('what a refusal of invalid input must look like', () => {
  it('a 4xx problem+json with type, title, its own status and detail has nothing wrong', () => {
    expect(refusalProblems(problem(400, refusal))).toEqual([]);
    expect(refusalProblems(problem(415, { ...refusal, status: 415 }))).toEqual([]);
  });

  it('a server error, an accepted request, another media type or a thin problem are each named', () => {
    expect(refusalProblems(problem(500, { ...refusal, status: 500 }))).toEqual(['500 (server error)']);
    expect(refusalProblems(problem(201, { id: 'x' }, 'application/json'))).toEqual(['201 (invalid input accepted)', 'Content-Type application/json', 'no type', 'no title', 'no detail', 'status undefined in the body']);
    expect(refusalProblems(problem(400, { ...refusal, detail: ' ' }))).toEqual(['no detail']);
    expect(refusalProblems(problem(400, { ...refusal, status: 422 }))).toEqual(['status 422 in the body']);
    expect(refusalProblems({ status: 400, contentType: 'text/html', text: '<h1>Bad</h1>', body: undefined })).toEqual(['Content-Type text/html', 'body is not a JSON object']);
  });
});

// graphql-http's audit suite of the GraphQL over HTTP specification, run unchanged against the server, as a partner
// checking conformance would. Usage:
//   node audit.mjs URL [TOKEN]
// Prints one JSON line per audit ({ id, name, status, reason }) and exits 0 when every audit is "ok", 1 when any
// MUST fails or SHOULD warns. The token (a department's) is sent on every request: the suite sends about 60
// requests, as many as the public's rate allows an address in a minute.
import { auditServer } from 'graphql-http';

const [url, token] = process.argv.slice(2);
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers ?? {});
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
for (const result of results) {
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason }));
}
process.exit(results.every((result) => result.status === 'ok') ? 0 : 1);

// A graphql-ws client, used unchanged as a partner would: subscribes with a token and prints every event as one JSON
// line on standard output, then exits. Usage:
//   node client.mjs URL TOKEN QUERY [VARIABLES_JSON] [EVENTS]
// Exit 0 after EVENTS events (default 1) or when the server completes the operation; exit 2 on an error message,
// 3 when the connection closes first (its code and reason on standard error).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, query, variablesJson, eventsText] = process.argv.slice(2);
const wanted = Number(eventsText ?? '1');
let received = 0;

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: token ? { Authorization: `Bearer ${token}` } : undefined,
  retryAttempts: 0,
  lazy: false,
  on: {
    closed: (event) => {
      if (received < wanted) {
        console.error(JSON.stringify({ closed: event.code, reason: event.reason }));
        process.exit(3);
      }
    },
  },
});

client.subscribe(
  { query, variables: variablesJson ? JSON.parse(variablesJson) : undefined },
  {
    next: (value) => {
      console.log(JSON.stringify(value));
      received += 1;
      if (received >= wanted) {
        client.dispose();
        process.exit(0);
      }
    },
    error: (error) => {
      console.error(JSON.stringify(error));
      process.exit(2);
    },
    complete: () => {
      client.dispose();
      process.exit(0);
    },
  },
);

// The IDE's subscriptions: a small client of the graphql-transport-ws protocol (README "GraphQL over WebSocket"),
// handed to GraphiQL as its `wsClient` (the `subscribe(payload, sink)` / `dispose()` of graphql-ws's Client).
// GraphiQL's bundle has graphql-ws (its `subscriptionUrl`), but that client retries a refused token or a server's
// close five times, each retry counting against the rate and the IDE showing "running" meanwhile, and GraphiQL then
// prints the close as a JavaScript stack. This one never retries: a close is shown at once with its code and the
// server's reason, which says what to do. One socket per subscription: GraphiQL runs one at a time.
(function () {
  'use strict';

  function closedMessage(event) {
    if (event.reason) return 'The connection closed (' + event.code + '): ' + event.reason;
    if (event.code === 1006) {
      return 'The connection to the server was lost or could not be opened (1006): check that the server is ' +
        'running and reachable, then run the subscription again.';
    }
    return 'The connection closed (' + event.code + ') without a reason: run the subscription again.';
  }

  // url: ws:// or wss:// of the endpoint; connectionParams: connection_init's payload (the token, a purpose).
  window.createTransportWsClient = function (url, connectionParams) {
    const open = new Set();

    function subscribe(payload, sink) {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      let done = false;
      let subscribed = false;
      const send = (message) => socket.send(JSON.stringify(message));
      // Ends the operation once, however it ends: a later close of the same socket reports nothing more.
      const end = (report) => {
        if (done) return;
        done = true;
        open.delete(stop);
        report();
        if (socket.readyState === WebSocket.OPEN) socket.close(1000, 'Normal Closure');
      };
      socket.onopen = () => send({ type: 'connection_init', payload: connectionParams });
      socket.onmessage = (event) => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch (ignored) {
          end(() => sink.error({ message: 'The server sent a message that is not JSON: run the subscription again.' }));
          return;
        }
        switch (message.type) {
          case 'connection_ack':
            subscribed = true;
            send({ id: '1', type: 'subscribe', payload });
            break;
          case 'ping':
            send({ type: 'pong' });
            break;
          case 'next':
            if (!done) sink.next(message.payload);
            break;
          case 'error':
            // GraphQL errors ([{ message, extensions }]): GraphiQL shows them as a response's errors.
            end(() => sink.error(message.payload));
            break;
          case 'complete':
            end(() => sink.complete());
            break;
          default:
            break;   // pong, or a message of a later protocol version: nothing to do
        }
      };
      // A plain object, not an Error: GraphiQL prints an Error with its stack, an object as a GraphQL error.
      socket.onclose = (event) => end(() => sink.error({ message: closedMessage(event) }));
      function stop() {
        if (done) return;
        done = true;
        open.delete(stop);
        if (socket.readyState === WebSocket.OPEN && subscribed) send({ id: '1', type: 'complete' });
        if (socket.readyState <= WebSocket.OPEN) socket.close(1000, 'Normal Closure');
      }
      open.add(stop);
      return stop;
    }

    return { subscribe, dispose: () => [...open].forEach((stop) => stop()) };
  };
})();

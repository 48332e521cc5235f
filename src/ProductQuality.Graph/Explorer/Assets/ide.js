// ProductQuality.Graph IDE: GraphiQL (vendored, served by this server) behind a sign-in bar.
// The token is kept in sessionStorage (this browser tab's session) and sent as a bearer header with every request;
// the explorer, completion and docs then show exactly the signed-in department's contract. Tabs, history and
// editor state are stored per department, so signing in as another department never mixes their examples.
(function () {
  'use strict';
  const settings = JSON.parse(document.getElementById('ide-settings').textContent);
  const tokenKey = 'pqg.ide.token';
  const h = React.createElement;
  const explorer = GraphiQLPluginExplorer.explorerPlugin({ showAttribution: false });
  let root = null;
  let barRoot = null;

  function authHeaders(token) {
    return token ? { Authorization: 'Bearer ' + token } : {};
  }

  async function readError(response) {
    try {
      const body = await response.json();
      const error = body.errors && body.errors[0];
      if (error) return error.message + ' (' + (error.extensions && error.extensions.code) + ')';
    } catch (ignored) { /* not JSON: fall through to the status */ }
    return 'HTTP ' + response.status;
  }

  async function getJson(url, token) {
    const response = await fetch(url, { headers: Object.assign({ Accept: 'application/json' }, authHeaders(token)) });
    if (!response.ok) throw new Error(await readError(response));
    return response.json();
  }

  // GraphiQL's Storage, namespaced by department: each keeps its own tabs, history and settings.
  function departmentStorage(who) {
    const prefix = 'pqg.ide.' + who + '.';
    return {
      getItem: (key) => localStorage.getItem(prefix + key),
      setItem: (key, value) => localStorage.setItem(prefix + key, value),
      removeItem: (key) => localStorage.removeItem(prefix + key),
      clear: () => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).forEach((k) => localStorage.removeItem(k)),
      get length() { return Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length; },
    };
  }

  // GraphiQL fills the variables editor from its `variables` prop, not from the active tab: hand it the variables of
  // the tab it will open on (the stored active tab after a reload, else the first example).
  function variablesOfActiveTab(storage, tabs) {
    try {
      const state = JSON.parse(storage.getItem('graphiql:tabState'));
      return state.tabs[state.activeTabIndex].variables || undefined;
    } catch (ignored) {
      return tabs.length ? tabs[0].variables : undefined;
    }
  }

  // Subscriptions go over a WebSocket to the same endpoint, of the page's own scheme and host (wss:// behind TLS).
  const subscriptionUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + settings.endpoint;

  // Browsers cannot send headers on a WebSocket, so connection_init's payload carries what HTTP sends as headers:
  // the token, then the Headers editor's (an X-Purpose, say), named as the server reads them (README "GraphQL over
  // WebSocket"). A fetcher per run, because only the run knows the Headers editor's content.
  function createFetcher(token) {
    return (params, options) => {
      const connectionParams = Object.assign({}, authHeaders(token));
      Object.entries((options && options.headers) || {}).forEach(([name, value]) => {
        const known = { authorization: 'Authorization', 'x-purpose': 'X-Purpose' }[name.toLowerCase()];
        connectionParams[known || name] = value;
      });
      const wsClient = window.createTransportWsClient(subscriptionUrl, connectionParams);
      return GraphiQL.createFetcher({ url: settings.endpoint, headers: authHeaders(token), wsClient })(params, options);
    };
  }

  function describe(session) {
    if (!session.department) return 'Public (no token): the published lists only';
    return 'Signed in as ' + session.department + ' · contract ' + session.contract +
      (session.county ? ' · county ' + session.county : '');
  }

  async function downloadContract(token, contract) {
    const response = await fetch(settings.schemaUrl, { headers: authHeaders(token) });
    if (!response.ok) { alert(await readError(response)); return; }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = contract + '.graphql';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function SignInBar(props) {
    const [draft, setDraft] = React.useState('');
    const [picked, setPicked] = React.useState('');
    const session = props.session;
    const children = [
      h('strong', { key: 'brand', className: 'brand' }, 'ProductQuality.Graph'),
      h('span', { key: 'who', className: 'who', 'data-testid': 'signed-in-as' }, describe(session)),
    ];
    if (props.error) children.push(h('span', { key: 'error', className: 'error', role: 'alert' }, props.error));
    children.push(h('form', {
      key: 'token', className: 'token',
      onSubmit: (e) => { e.preventDefault(); if (draft.trim()) props.onSignIn(draft.trim()); setDraft(''); },
    }, [
      h('label', { key: 'l', htmlFor: 'token-input' }, 'Bearer token'),
      h('input', {
        key: 'i', id: 'token-input', type: 'password', autoComplete: 'off', value: draft,
        placeholder: 'paste your department\'s token', onChange: (e) => setDraft(e.target.value),
      }),
      h('button', { key: 'b', type: 'submit' }, 'Sign in'),
    ]));
    if (session.developmentDepartments) {
      children.push(h('form', {
        key: 'dev', className: 'dev', title: 'Development only: mints a development token, like the token verb',
        onSubmit: (e) => { e.preventDefault(); if (picked) props.onDevelopmentSignIn(picked); },
      }, [
        h('select', { key: 's', 'aria-label': 'Department (development)', value: picked, onChange: (e) => setPicked(e.target.value) },
          [h('option', { key: '', value: '' }, 'department (development)…')].concat(
            session.developmentDepartments.map((d) => h('option', { key: d, value: d }, d)))),
        h('button', { key: 'b', type: 'submit' }, 'Sign in (development)'),
      ]));
    }
    children.push(h('button', { key: 'dl', type: 'button', onClick: () => downloadContract(props.token, session.contract) },
      'Download contract (SDL)'));
    // Same tab, same session storage: the map opens signed in as the same department.
    children.push(h('a', { key: 'map', href: '/map', className: 'map-link' }, 'Four-colour map'));
    if (props.token) children.push(h('button', { key: 'out', type: 'button', onClick: props.onSignOut }, 'Sign out'));
    return h('div', { className: 'bar' }, children);
  }

  async function render(token, error) {
    let session;
    try {
      session = await getJson(settings.sessionUrl, token);
    } catch (e) {
      sessionStorage.removeItem(tokenKey);
      return render(null, 'Token refused: ' + e.message);
    }
    let examples = [];
    try {
      examples = (await getJson(settings.examplesUrl, token)).examples;
    } catch (ignored) { /* the IDE works without examples */ }

    const signIn = (next) => { sessionStorage.setItem(tokenKey, next); render(next); };
    barRoot = barRoot || ReactDOM.createRoot(document.getElementById('sign-in'));
    barRoot.render(h(SignInBar, {
      session, token, error,
      onSignIn: signIn,
      onSignOut: () => { sessionStorage.removeItem(tokenKey); render(null); },
      onDevelopmentSignIn: async (department) => {
        const response = await fetch(settings.developmentSignInUrl, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ department }),
        });
        if (!response.ok) { render(token, await readError(response)); return; }
        signIn((await response.json()).token);
      },
    }));

    const tabs = examples.map((e) => ({
      query: e.query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
    }));
    if (settings.initialQuery) tabs.unshift({ query: settings.initialQuery });
    const fetcher = createFetcher(token);
    if (root) root.unmount();
    root = ReactDOM.createRoot(document.getElementById('graphiql'));
    const storage = departmentStorage(session.department || 'public');
    root.render(h(GraphiQL, {
      key: session.department || 'public',
      fetcher,
      variables: variablesOfActiveTab(storage, tabs),
      plugins: [explorer],
      defaultTabs: tabs.length ? tabs : undefined,
      defaultQuery: '# ' + describe(session) + '\n# Open the Explorer or Docs on the left; Ctrl+Space completes.\n',
      storage,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }));
  }

  render(sessionStorage.getItem(tokenKey));
})();

// The layer and capability boundaries of docs/ARCHITECTURE.md, judged on the file an import
// resolves to, never on how its path is spelt: '../main/ipc' from a service is the same breach as
// '../../electron/main/ipc'. Static imports, re-exports, dynamic import() and require() all count.
import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/** Packages that run only in Node (or Electron's main process): never in shared/ or the renderer. */
const NODE_ONLY_PACKAGES = ['electron', 'electron-store', 'conf', 'chokidar'];
const builtins = new Set(builtinModules);

/** What every capability builds on: the sync core, the roster, the team's settings and vocabulary, attachments. */
const SHARED_BASE = ['text', 'sync', 'team', 'team-settings', 'attachments', 'settings', 'security'];
/** What may read every capability: the bridge contract, the search index, the sample team (written with every builder), the capability list. */
const SHARED_READERS = ['api', 'search', 'sample-team'];
/** Within the base, each folder sees only those below it. */
const BASE_MAY_IMPORT = {
  text: ['text'],
  sync: ['sync', 'text'],
  team: ['text', 'sync', 'team'],
  'team-settings': ['text', 'sync', 'team', 'team-settings'],
  attachments: ['text', 'sync', 'team', 'team-settings', 'attachments'],
  settings: ['text', 'settings'],
  security: ['security'],
};
/** The renderer's ground floor: every screen and renderer/app use them; they use none of them. */
const RENDERER_GROUND = ['renderer/i18n', 'renderer/bridge'];
const HOSTS = ['electron/main', 'electron/preload', 'electron/host', 'electron/cli'];
const COMPOSITION_ROOT = 'electron/services/app-services';

const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const withoutExtension = (path) => path.replace(/\.(ts|tsx|js|mjs|cjs)$/, '').replace(/\/index$/, '');

/** `shared/<folder>/...` and `shared/<folder>` (its index) → folder; a file directly in shared/ (capabilities.ts) → ''. */
function sharedFolder(path) {
  const parts = path.split('/');
  if (parts.length > 2) return parts[1];
  return isFolder(path) ? parts[1] : '';
}

function isFolder(path) {
  try {
    return statSync(resolve(process.cwd(), path)).isDirectory();
  } catch {
    // Not there (yet): a file, as far as the rule can tell.
    return false;
  }
}

function isNodeOnly(specifier) {
  if (specifier.startsWith('node:')) return true;
  const bare = specifier.split('/')[0];
  return builtins.has(specifier) || builtins.has(bare) || NODE_ONLY_PACKAGES.includes(bare);
}

/** Why `from` may not import the project file `to` (both relative to the root, `to` without extension); null when it may. */
function breach(from, to) {
  if (within(from, 'shared')) {
    if (!within(to, 'shared')) return 'shared/ is the lowest layer: it imports neither electron/ nor renderer/.';
    const own = sharedFolder(from);
    const target = sharedFolder(to);
    if (own === '' || SHARED_READERS.includes(own) || target === own) return null;
    if (BASE_MAY_IMPORT[own]) {
      return BASE_MAY_IMPORT[own].includes(target) ? null : `shared/${own} sits below shared/${target || to}: it may import only ${BASE_MAY_IMPORT[own].map((f) => `shared/${f}`).join(', ')}.`;
    }
    // A capability (handover, rota, sop, prizes, briefing…).
    if (SHARED_BASE.includes(target)) return null;
    if (to === `shared/${target}/queries`) return null;
    return `A capability imports another only through its documented queries (shared/${target}/queries.ts), never shared/${target || to} itself.`;
  }
  if (within(from, 'renderer') && within(to, 'electron')) return 'The renderer reaches the services only through the bridge (renderer/bridge).';
  const ground = RENDERER_GROUND.find((folder) => within(from, folder));
  // The messages of every module are data (JSON), which the i18n setup may gather; code it may not import.
  if (ground && within(to, 'renderer') && !within(to, ground) && !to.endsWith('.json')) {
    return `${ground} is the renderer's ground floor: it imports no screen module or renderer/app (they import it).`;
  }
  if (within(from, 'electron') && within(to, 'renderer')) return 'electron/ never imports the renderer.';
  if (within(from, 'electron/services')) {
    const host = HOSTS.find((folder) => within(to, folder));
    if (host) return `Services sit below the hosts: ${host} wires them, not the other way round.`;
    if (to === COMPOSITION_ROOT && withoutExtension(from) !== COMPOSITION_ROOT) {
      return 'Only the hosts import the composition root (electron/services/app-services.ts); a service is given what it needs.';
    }
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Layer and capability boundaries, on resolved paths (docs/ARCHITECTURE.md).' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    const checksNode = within(file, 'shared') || within(file, 'renderer');
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (!specifier.startsWith('.')) {
        if (checksNode && isNodeOnly(specifier)) {
          context.report({ node, message: `${specifier} runs only in Node: shared/ and renderer/ reach it through the bridge (electron/services).` });
        }
        return;
      }
      const target = withoutExtension(relative(root, resolve(dirname(context.filename), specifier)).split(sep).join('/'));
      const why = breach(file, target);
      if (why) context.report({ node, message: `${specifier} (${target}): ${why}` });
    };
    const literal = (node) => (node?.type === 'Literal' ? node.value : node?.type === 'TemplateLiteral' && node.expressions.length === 0 ? node.quasis[0].value.cooked : undefined);
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node, literal(node.moduleReference.expression)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, literal(node.arguments[0]));
      },
    };
  },
};

export default { rules: { layers: rule } };

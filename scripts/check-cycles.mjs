// Fails when the TypeScript sources import each other in a circle, value or
// type imports alike: `npm run check:cycles` (CI runs it). A loop of modules
// means no one of them can be understood, tested or moved on its own; shared
// types belong in a module of their own instead.
//
// Reads every .ts file below src/, __fixtures__/ and bench/, takes the relative
// specifiers of `import … from`, `export … from` and `import('…')`, resolves
// `./x.js` to `./x.ts` (or `./x/index.ts`), and finds the strongly connected
// components of that graph (Tarjan). Prints each cycle, exits 1 if there is any.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOTS = ['src', '__fixtures__', 'bench']
const root = resolve(dirname(new URL(import.meta.url).pathname), '..')

function files(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path)
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : []
  })
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`]*?\s+from\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gm

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier)
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]
  return candidates.find((c) => c.endsWith('.ts') && existsSync(c))
}

const graph = new Map()
for (const file of ROOTS.flatMap((r) => files(join(root, r)))) {
  // Comments may quote imports; they are not edges.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
  const edges = new Set()
  for (const match of text.matchAll(SPECIFIER)) {
    const target = resolveImport(file, match[1] ?? match[2])
    if (target) edges.add(target)
  }
  graph.set(file, edges)
}

// Tarjan's strongly connected components.
let index = 0
const stack = []
const state = new Map()
const cycles = []
function visit(node) {
  state.set(node, { index, low: index, onStack: true })
  index++
  stack.push(node)
  for (const next of graph.get(node) ?? []) {
    if (!graph.has(next)) continue
    if (!state.has(next)) {
      visit(next)
      state.get(node).low = Math.min(state.get(node).low, state.get(next).low)
    } else if (state.get(next).onStack) {
      state.get(node).low = Math.min(state.get(node).low, state.get(next).index)
    }
  }
  if (state.get(node).low === state.get(node).index) {
    const component = []
    let member
    do {
      member = stack.pop()
      state.get(member).onStack = false
      component.push(member)
    } while (member !== node)
    const selfLoop = graph.get(node)?.has(node)
    if (component.length > 1 || selfLoop) cycles.push(component)
  }
}
for (const node of graph.keys()) if (!state.has(node)) visit(node)

if (cycles.length === 0) {
  console.log(`No import cycles among ${graph.size} modules.`)
} else {
  console.error(`${cycles.length} import cycle(s):`)
  for (const cycle of cycles) {
    console.error(
      `- ${cycle
        .map((f) => relative(root, f))
        .sort()
        .join(', ')}`
    )
  }
  process.exit(1)
}

/**
 * The dependency graph of a flow: every edge is a plain dependency (docs/runner.md
 * §2: the reference ignores edge types), every node without an incoming edge is
 * a root. Order follows the `nodes` array wherever several nodes are equal.
 */
import type { FlowDef } from './model.js'

export class FlowGraph {
  readonly ids: readonly string[]
  private readonly preds = new Map<string, string[]>()
  private readonly succs = new Map<string, string[]>()

  /** Edges naming an unknown node are left out (validation reports them). */
  constructor(flow: FlowDef) {
    this.ids = flow.nodes.map((n) => n.id)
    for (const id of this.ids) {
      this.preds.set(id, [])
      this.succs.set(id, [])
    }
    for (const edge of flow.edges) {
      const to = this.preds.get(edge.target)
      const from = this.succs.get(edge.source)
      if (!to || !from) continue
      if (!to.includes(edge.source)) to.push(edge.source)
      if (!from.includes(edge.target)) from.push(edge.target)
    }
  }

  predecessors(id: string): readonly string[] {
    return this.preds.get(id) ?? []
  }

  successors(id: string): readonly string[] {
    return this.succs.get(id) ?? []
  }

  roots(): string[] {
    return this.ids.filter((id) => this.predecessors(id).length === 0)
  }

  private readonly ancestorCache = new Map<string, ReadonlySet<string>>()

  /**
   * Whether `candidate` is upstream of `id` (a path of edges leads from it to
   * `id`). A direct predecessor is answered at once; otherwise the ancestors of
   * `id` are computed once and kept, so checking every reference of a large flow
   * stays fast.
   */
  isUpstream(candidate: string, id: string): boolean {
    if (this.predecessors(id).includes(candidate)) return true
    let found = this.ancestorCache.get(id)
    if (!found) {
      found = this.ancestors(id)
      this.ancestorCache.set(id, found)
    }
    return found.has(candidate)
  }

  /** Every node `id` depends on, directly or not. */
  ancestors(id: string): Set<string> {
    const found = new Set<string>()
    const stack = [...this.predecessors(id)]
    while (stack.length > 0) {
      const next = stack.pop() as string
      if (found.has(next)) continue
      found.add(next)
      stack.push(...this.predecessors(next))
    }
    return found
  }

  /** Every node that depends on `id`, directly or not. */
  descendants(id: string): Set<string> {
    const found = new Set<string>()
    const stack = [...this.successors(id)]
    while (stack.length > 0) {
      const next = stack.pop() as string
      if (found.has(next)) continue
      found.add(next)
      stack.push(...this.successors(next))
    }
    return found
  }

  /** One cycle as a path of node ids (first repeated at the end), or undefined when there is none. */
  findCycle(): string[] | undefined {
    const state = new Map<string, 'open' | 'done'>()
    const path: string[] = []
    const visit = (id: string): string[] | undefined => {
      state.set(id, 'open')
      path.push(id)
      for (const next of this.successors(id)) {
        if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next]
        if (!state.has(next)) {
          const cycle = visit(next)
          if (cycle) return cycle
        }
      }
      path.pop()
      state.set(id, 'done')
      return undefined
    }
    for (const id of this.ids) {
      if (!state.has(id)) {
        const cycle = visit(id)
        if (cycle) return cycle
      }
    }
    return undefined
  }
}

/** The runner of each node type (docs/runner.md §3). */
import type { NodeType } from '../flow/model.js'
import type { NodeRunner } from '../run/types.js'
import { runAssert } from './assert.js'
import { runBranch } from './branch.js'
import { runDelay } from './delay.js'
import { runLoop } from './loop.js'
import { runModule } from './module.js'
import { runPoll } from './poll.js'
import { runRequest } from './request.js'
import { runSetVariable } from './set-variable.js'
import { runSse } from './sse.js'
import { runWebhookWait } from './webhook-wait.js'

export const NODE_RUNNERS: Readonly<Record<NodeType, NodeRunner>> = {
  request: runRequest,
  delay: runDelay,
  set_variable: runSetVariable,
  assert: runAssert,
  branch: runBranch,
  loop: runLoop,
  poll: runPoll,
  module: runModule,
  sse: runSse,
  webhook_wait: runWebhookWait
}

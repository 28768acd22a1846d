/**
 * `echopoint-ci demo-service [--port P]`: the small REST service the example
 * flows (examples/flows) test, on 127.0.0.1, until Ctrl-C.
 */
import { Command } from 'commander'
import { startDemoService } from '../../demo-service/server.js'
import { optionWithDefault, type CliIo } from '../io.js'

export function demoServiceCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('demo-service')
    .description(
      'Start the small REST service the example flows (examples/flows) test, on 127.0.0.1'
    )
    .addOption(optionWithDefault('--port <port>', 'port to listen on; 0 picks a free port', '4010'))
    .action(async (flags: { port: string }) => {
      const port = Number(flags.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        io.stderr(`error: --port "${flags.port}" is not a port number (0-65535)`)
        setExit(3)
        return
      }
      const service = await startDemoService(port)
      io.stdout(`Demo service listening at ${service.url} (Ctrl-C to stop)`)
      io.stdout(
        `Try: echopoint-ci flow run examples/flows/widgets-crud.json --input baseUrl=${service.url}`
      )
      await new Promise<void>((resolve) => {
        if (io.signal?.aborted) resolve()
        io.signal?.addEventListener('abort', () => resolve(), { once: true })
      })
      await service.close()
    })
}

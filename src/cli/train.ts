/**
 * `npm run train -- --layers 2,3,1 --hidden tanh --init lecun --lr 1.2 --iterations 10000`
 * Trains on the planar dataset with the engine and prints an article-style log (or --json).
 * With --emit-python <file> it writes the numpy script of that run instead (the page's "Python" export).
 * Bad input exits with status 2 and one line naming the flag and what is allowed.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, LIMITS, parseTrainConfig, planar, train, type TrainConfig } from '../engine/index.ts';
import { pythonScript, scriptName } from '../python/script.ts';
import { formatReport, formatLog } from '../run/format.ts';

const HELP = `Usage: npm run train -- --layers 2,3,1 [options]

  --layers <sizes>      layer sizes n[0],…,n[L]; first 2 (inputs), last 1 (sigmoid output)   (required)
  --hidden <name>       hidden activation: sigmoid, tanh, relu, leaky-relu, linear            (default tanh)
  --init <name>         initializer: zeros, normal, lecun, glorot, he, constant              (default lecun)
  --scale <number>      standard deviation for --init normal; the weights' value for constant (default 0.01)
  --lr <number>         learning rate, > 0                                                    (default 1.2)
  --iterations <n>      gradient-descent iterations, a positive integer                      (default 10000)
  --seed <n>            numpy seed set before the weights are drawn                          (default 42)
  --data-seed <n>       numpy seed of the planar dataset                                     (default 1)
  --m <n>               number of data points, even                                           (default 1000)
  --record-every <n>    record the cost every n iterations                                    (default 100)
  --json                print one JSON object instead of the log
  --emit-python <file>  write a standalone numpy script of this run to <file> ("-" for stdout) instead of training
  --help                show this help`;

/** Config field → the flag that sets it, so errors name what the user typed. */
const FLAG_OF: Record<string, string> = {
  layers: '--layers', hidden: '--hidden', init: '--init', scale: '--scale', learningRate: '--lr',
  iterations: '--iterations', seed: '--seed', recordEvery: '--record-every',
};

class UsageError extends Error {}

function parse(argv: string[]): { config: TrainConfig; dataSeed: number; m: number; json: boolean; emitPython?: string } | 'help' {
  let values;
  // "--lr -0.5" would read as an option; join negative numbers to their flag so validation names the rule.
  const args: string[] = [];
  for (const a of argv) {
    if (/^-\.?\d/.test(a) && /^--[a-z-]+$/.test(args.at(-1) ?? '')) args[args.length - 1] += `=${a}`;
    else args.push(a);
  }
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        layers: { type: 'string' }, hidden: { type: 'string' }, init: { type: 'string' }, scale: { type: 'string' },
        lr: { type: 'string' }, iterations: { type: 'string' }, seed: { type: 'string' }, 'data-seed': { type: 'string' },
        m: { type: 'string' }, 'record-every': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' },
        'emit-python': { type: 'string' },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}; run with --help for the flags`);
  }
  if (values.help) return 'help';
  if (values.layers === undefined) {
    throw new UsageError('--layers is required: comma-separated sizes starting with 2 and ending with 1, e.g. --layers 2,3,1');
  }
  const config = parseTrainConfig(Object.fromEntries(
    Object.entries(FLAG_OF).map(([field, flag]) => [field, values[flag.slice(2) as keyof typeof values]]),
  ));
  const integer = (flag: string, raw: string | undefined, fallback: number, ok: (n: number) => boolean, allowed: string) => {
    const n = raw === undefined ? fallback : Number(raw);
    if (raw !== undefined && (raw.trim() === '' || !ok(n))) throw new UsageError(`${flag} must be ${allowed}; got ${JSON.stringify(raw)}`);
    return n;
  };
  const dataSeed = integer('--data-seed', values['data-seed'], 1, (n) => Number.isInteger(n) && n >= 0 && n <= LIMITS.maxSeed, `an integer from 0 to ${LIMITS.maxSeed}`);
  const m = integer('--m', values.m, 1000, (n) => Number.isInteger(n) && n >= 2 && n % 2 === 0 && n <= 1e6, 'an even integer from 2 to 1000000');
  const emitPython = values['emit-python'];
  if (emitPython !== undefined && emitPython.trim() === '') throw new UsageError('--emit-python needs a file name (or "-" for stdout)');
  return { config, dataSeed, m, json: values.json ?? false, emitPython };
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`error: ${FLAG_OF[e.field] ?? e.field} ${e.message.slice(e.field.length + 1)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const { config, dataSeed, m, json, emitPython } = parsed;
  if (emitPython !== undefined) return emit(config, { m, seed: dataSeed }, emitPython);
  const data = planar.generate({ m, seed: dataSeed });
  const started = performance.now();
  const run = train(data, config);
  const milliseconds = performance.now() - started;
  if (json) {
    process.stdout.write(`${JSON.stringify({
      costs: run.history.costs,
      recordEvery: config.recordEvery,
      confusion: run.report.confusion,
      accuracy: run.report.accuracy,
      precision: run.report.precision,
      recall: run.report.recall,
      f1: run.report.f1,
      gradientNorms: run.history.gradientNorms,
      status: run.status.message,
      // The cost after the last update (the log's costs stop at the last record, before it).
      finalCost: Number.isFinite(run.finalCost) ? run.finalCost : String(run.finalCost),
      milliseconds: Math.round(milliseconds * 10) / 10,
    })}\n`);
  } else {
    const log = formatLog(run.history, config);
    process.stdout.write(`${log ? `${log}\n` : ''}${formatReport(run, milliseconds)}\n`);
  }
  return 0;
}

/** Writes the run's numpy script: the cost curve of the run, as a lesson figure of the same settings exports it. */
function emit(config: TrainConfig, data: { m: number; seed: number }, file: string): number {
  const name = file === '-' ? 'train' : scriptName(file.replace(/^.*\//, '').replace(/\.py$/i, ''));
  const label = `[${config.layers.join(', ')}] ${config.hidden}, ${config.init} init`;
  const script = pythonScript({
    name, title: `Cost during training: ${label}`, source: `npm run train -- ${process.argv.slice(2).join(' ')}`,
    plot: 'cost', show: ['log', 'report'], runs: [{ label, config }], data,
  });
  if (file === '-') process.stdout.write(script);
  else {
    try {
      writeFileSync(file, script);
    } catch (e) {
      process.stderr.write(`error: --emit-python could not write ${file}: ${(e as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`Wrote ${file}: run it with python3 ${file}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

/**
 * The benchmark's TensorFlow.js side: the same full-batch gradient descent as the engine
 * (same initial weights, same hand-written gradients as the numpy reference), with tfjs-core
 * ops on the CPU backend. Only the benchmark imports it; the product never loads TensorFlow.js.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getInitializer, initializeSeeded, type Dataset, type TrainConfig } from '../engine/index.ts';

/** Runs `config` on `data` with TF.js; only [2, n1, 1] networks with a tanh hidden layer. */
export async function trainWithTensorflow(data: Dataset, config: TrainConfig): Promise<{ milliseconds: number; finalCost: number }> {
  if (config.layers.length !== 3 || config.hidden !== 'tanh') throw new RangeError('the TF.js benchmark covers [2, n, 1] tanh networks only');
  await tf.setBackend('cpu');
  await tf.ready();
  const [n0, n1, n2] = config.layers;
  const m = data.m;
  const p = initializeSeeded(config.layers, getInitializer(config.init), config.seed, config.scale);
  // The CPU backend computes in float32; inputs are converted, which the report notes.
  const X = tf.tensor2d(Float32Array.from(data.X), [n0, m]);
  const Y = tf.tensor2d(Float32Array.from(data.Y), [1, m]);
  const W1 = tf.variable(tf.tensor2d(Float32Array.from(p.W[1]), [n1, n0]));
  const b1 = tf.variable(tf.zeros([n1, 1]));
  const W2 = tf.variable(tf.tensor2d(Float32Array.from(p.W[2]), [n2, n1]));
  const b2 = tf.variable(tf.zeros([n2, 1]));
  const lr = tf.scalar(config.learningRate);
  const invM = tf.scalar(1 / m);
  const cost = (A2: tf.Tensor) => tf.neg(tf.mean(tf.add(tf.mul(Y, tf.log(A2)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A2))))));
  const started = performance.now();
  for (let i = 0; i < config.iterations; i++) {
    const recorded = tf.tidy((): tf.Tensor[] => {
      const A1 = tf.tanh(tf.add(tf.matMul(W1, X), b1));
      const A2 = tf.sigmoid(tf.add(tf.matMul(W2, A1), b2));
      const dZ2 = tf.sub(A2, Y);
      const dW2 = tf.mul(invM, tf.matMul(dZ2, A1, false, true));
      const db2 = tf.mul(invM, tf.sum(dZ2, 1, true));
      const dZ1 = tf.mul(tf.matMul(W2, dZ2, true, false), tf.sub(1, tf.square(A1)));
      const dW1 = tf.mul(invM, tf.matMul(dZ1, X, false, true));
      const db1 = tf.mul(invM, tf.sum(dZ1, 1, true));
      W1.assign(tf.sub(W1, tf.mul(lr, dW1)));
      b1.assign(tf.sub(b1, tf.mul(lr, db1)));
      W2.assign(tf.sub(W2, tf.mul(lr, dW2)));
      b2.assign(tf.sub(b2, tf.mul(lr, db2)));
      return i % config.recordEvery === 0 ? [cost(A2)] : [];
    });
    for (const c of recorded) {
      c.dataSync(); // the engine records the cost at the same iterations
      c.dispose();
    }
  }
  const milliseconds = performance.now() - started;
  const finalCost = tf.tidy(() => cost(tf.sigmoid(tf.add(tf.matMul(W2, tf.tanh(tf.add(tf.matMul(W1, X), b1))), b2))).dataSync()[0]);
  tf.dispose([X, Y, W1, b1, W2, b2, lr, invM]);
  return { milliseconds, finalCost };
}

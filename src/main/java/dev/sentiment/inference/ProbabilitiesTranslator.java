package dev.sentiment.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds a {@link TokenBatch} to a model with {@code forward(input_ids, attention_mask)} and returns
 * the softmax of its logits as one flat {@code [B * labels]} array. Batching is ours, not DJL's:
 * the batch arrives already padded.
 */
final class ProbabilitiesTranslator implements NoBatchifyTranslator<TokenBatch, float[]> {

  @Override
  public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
    NDManager manager = ctx.getNDManager();
    Shape shape = new Shape(batch.rows(), batch.columns());
    NDArray ids = manager.create(batch.ids(), shape);
    NDArray mask = manager.create(batch.mask(), shape);
    return new NDList(ids, mask);
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList output) {
    // Traced Hugging Face models return a tuple whose first element is the logits.
    return output.get(0).softmax(-1).toFloatArray();
  }
}

package dev.sentiment.batch;

/**
 * One submitted item as stored: either a text to classify or the reason it could not be read.
 *
 * @param id the client's id for it, if any
 * @param text the text, or null when {@code error} is set
 * @param error why the item has no text (it gets this error as its result), or null
 */
record Item(String id, String text, String error) {}

package dev.sentiment.inference;

/** Which lane a text waits in: interactive requests always go before bulk work. */
public enum Priority {
  /** A caller is waiting ({@code /analyze}); rejected at once when the engine is at capacity. */
  INTERACTIVE,
  /** Background work (batch jobs); waits for room instead of being rejected. */
  BULK
}

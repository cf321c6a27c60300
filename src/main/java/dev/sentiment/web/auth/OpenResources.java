package dev.sentiment.web.auth;

import java.util.Set;

/**
 * Paths a feature serves to {@code GET} without an API key: static files that hold no data and must
 * load before a person has typed the key (the web page, its scripts and styles). A feature declares
 * one as a bean; everything else needs a key when keys are on.
 *
 * @param paths exact request paths
 */
public record OpenResources(Set<String> paths) {}

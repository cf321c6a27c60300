package dev.sentiment.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the cross-cutting web plumbing (filters, strict JSON) into slice tests. */
@TestConfiguration(proxyBeanMethods = false)
@Import({SystemConfiguration.class, ProblemErrorController.class})
public class SystemTestSupport {}

package org.gridlink.screening;

/**
 * A campaign's progress moved: it began running, households were recorded, or it was closed. Published in the step's
 * transaction; ids only (the command center reads {@link ScreeningFacts} when it runs, so order and repeats do not
 * matter).
 */
@org.springframework.modulith.NamedInterface("api")
public record ScreeningProgressed(long campaignId) {
}

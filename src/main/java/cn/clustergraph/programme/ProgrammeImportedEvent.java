package cn.clustergraph.programme;

/** Published after the programme has been (re)loaded, so other features can refresh or report. */
public record ProgrammeImportedEvent(ProgrammeImporter.Result result) {
}

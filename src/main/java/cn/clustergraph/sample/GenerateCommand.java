package cn.clustergraph.sample;

import cn.clustergraph.cli.CliOptions;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.register.RegisterImporter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code generate} command, {@code --size=N --seed=S --out=DIR [--dataset=NAME]}: writes a fictional register with
 * {@link RegisterGenerator} without starting the app or a database ({@code ClusterGraphApplication.main} routes the word
 * here before Spring starts). Defaults: 480 enterprises, seed 20230420, dataset {@value RegisterImporter#SAMPLE} — the bundled sample.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    /** Runs {@code generate} with the words after it; the chain map is read from {@code clustergraph.import.dir} (or bundled). */
    public static void run(List<String> args) {
        Map<String, String> o = CliOptions.parse(args);
        ImportSource source = ImportSource.of(CliOptions.setting(o, "clustergraph.import.dir", "CLUSTERGRAPH_IMPORT_DIR", ""));
        long t = System.nanoTime();
        var s = generate(o, "register-out", source);
        System.out.println("generated " + s + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
    }

    private static RegisterGenerator.Summary generate(Map<String, String> o, String defaultOut, ImportSource source) {
        return RegisterGenerator.generate(Integer.parseInt(o.getOrDefault("size", String.valueOf(RegisterGenerator.DEFAULT_SIZE))),
                Long.parseLong(o.getOrDefault("seed", String.valueOf(RegisterGenerator.DEFAULT_SEED))),
                o.getOrDefault("dataset", RegisterImporter.SAMPLE), Path.of(o.getOrDefault("out", defaultOut)), source);
    }

    /**
     * {@code --size=N --seed=S --out=DIR [--dataset=NAME] [--import-dir=PATH]} without the app's launcher (out defaults to
     * {@code import/sample}): e.g. {@code java -cp cluster-graph.jar -Dloader.main=cn.clustergraph.sample.GenerateCommand
     * org.springframework.boot.loader.launch.PropertiesLauncher --size=… --out=…}.
     */
    public static void main(String[] args) {
        Map<String, String> o = CliOptions.parse(List.of(args));
        System.out.println("generated " + generate(o, "import/sample", ImportSource.of(o.get("import-dir"))));
    }
}

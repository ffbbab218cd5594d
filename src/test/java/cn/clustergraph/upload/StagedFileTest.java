package cn.clustergraph.upload;

import cn.clustergraph.csv.ImportProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staging on disk: the size limit, names that cannot escape the folder, ZIP entries flattened and checked. */
class StagedFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileOverTheLimitIsRefusedAndAHashIsKeptOtherwise() throws Exception {
        assertThatThrownBy(() -> StagedFile.store(new ByteArrayInputStream(new byte[1001]), dir.resolve("a"), "x.csv", 1000))
                .isInstanceOf(StagedFile.TooLarge.class).hasMessageContaining("1000 bytes");
        StagedFile f = StagedFile.store(new ByteArrayInputStream("abc".getBytes()), dir.resolve("b"), "x.csv", 1000);
        assertThat(f.size()).isEqualTo(3);
        // SHA-256 of "abc" (FIPS 180-2 test vector)
        assertThat(f.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void namesStayInsideTheFolder() {
        assertThat(StagedFile.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(StagedFile.safeName("C:\\Users\\x\\企业 名录.xlsx")).isEqualTo("企业_名录.xlsx");
        assertThat(StagedFile.safeName(".hidden")).isEqualTo("upload.hidden");
    }

    @Test
    void zipEntriesAreFlattenedAndNonCsvEntriesReported() throws Exception {
        byte[] zip = UploadFiles.zip(Map.of("../../evil", "a\n1\n", "sub/dir/figures", "a\n1\n"));
        StagedFile f = StagedFile.store(new ByteArrayInputStream(zip), dir.resolve("c"), "r.zip", 1 << 20);
        ImportProblems problems = new ImportProblems();
        Path root = f.unzip(1 << 20, problems, (entry, p) -> "");
        assertThat(problems.list()).isEmpty();
        assertThat(Files.exists(root.resolve("evil.csv"))).isTrue();
        assertThat(Files.exists(root.resolve("figures.csv"))).isTrue();
        assertThatThrownBy(() -> StagedFile.store(new ByteArrayInputStream(zip), dir.resolve("d"), "r.zip", 1 << 20)
                .unzip(3, new ImportProblems(), (entry, p) -> "")).isInstanceOf(StagedFile.TooLarge.class);
    }
}

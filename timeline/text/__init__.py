"""Stage 1, text: files and pasted text → decoded documents → normalised text with an offset map.

Loading (files and folders, one error per path not read), encodings (``encoding``), web pages (``webpage``),
metadata (``--meta``), the article's own publication stamps, normalisation (traditional → simplified, pinyin
glosses, full-width forms) and sentence segmentation (over-long sentences cut into bounded pieces).
Depends on nothing else in the pipeline.
"""

from timeline.text.document import Document
from timeline.text.encoding import decode_bytes
from timeline.text.loading import LoadResult, document_from_text, find_sources, load_document, load_paths
from timeline.text.metadata import DocumentMeta, load_metadata, parse_metadata
from timeline.text.normalization import NormalizedText, normalize, to_simplified
from timeline.text.publication import detect_publication_date
from timeline.text.segmentation import clauses, sentences

__all__ = [
    "Document", "DocumentMeta", "LoadResult", "NormalizedText", "clauses", "decode_bytes",
    "detect_publication_date", "document_from_text", "find_sources", "load_document", "load_metadata", "load_paths",
    "normalize", "parse_metadata", "sentences", "to_simplified",
]

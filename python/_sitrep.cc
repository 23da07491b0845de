// sitrep._sitrep: the Python binding (pybind11) of the same library the
// command line links. Thin: converts arguments, releases the GIL around the
// library's work, turns a Status into sitrep.Error. The public Python API is
// python/sitrep/__init__.py; docs/python.md describes it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/corpus_reader.h"
#include "pipeline/extraction_json.h"
#include "sitrep/sitrep.h"
#include "sitrep/store.h"

namespace py = pybind11;

namespace sitrep::python {
namespace {

// sitrep.Error, created at import; every Status that is not ok is raised as it.
py::object* error_type = nullptr;

[[noreturn]] void Raise(const Status& s) {
  PyErr_SetString(error_type->ptr(), s.message().c_str());
  throw py::error_already_set();
}

// Text as the library takes it: the bytes of a bytes object, a str as UTF-8.
std::string Bytes(const py::handle& text) {
  if (py::isinstance<py::bytes>(text)) return std::string(py::reinterpret_borrow<py::bytes>(text));
  if (py::isinstance<py::str>(text)) return py::reinterpret_borrow<py::str>(text).cast<std::string>();
  throw py::type_error("sitrep: text must be str or bytes, not " +
                       std::string(py::str(py::type::handle_of(text).attr("__name__"))));
}

// Python objects as json.loads would make them from JsonWriter's text, built
// directly: WriteExtraction (pipeline/extraction_json.h) drives this as it
// drives the text writer, so the two share one contract. Objects are dicts
// in field order, keys interned once per process; a number is an int when
// the text writer would print it without a fraction or exponent (as
// json.loads reads it), else a float; a non-finite double is None (the
// writer prints null). Holds the GIL: call with it held.
class PyObjectBuilder {
 public:
  PyObjectBuilder() = default;
  PyObjectBuilder(const PyObjectBuilder&) = delete;
  PyObjectBuilder& operator=(const PyObjectBuilder&) = delete;
  ~PyObjectBuilder() {
    for (Level& l : stack_) Py_XDECREF(l.container);
    Py_XDECREF(result_);
  }

  void BeginObject() { Open(PyDict_New()); }
  void BeginArray() { Open(PyList_New(0)); }
  void EndObject() { Close(); }
  void EndArray() { Close(); }
  void Key(std::string_view k) { key_ = InternedKey(k); }
  void String(std::string_view s) { Add(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace")); }
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v) { Add(PyLong_FromLongLong(v)); }
  void Double(double v) {
    if (!std::isfinite(v)) return Null();
    if (v != std::trunc(v)) return Add(PyFloat_FromDouble(v));  // printed with a fraction
    // JsonWriter prints the shortest text that reads back as v: "3" is an
    // int to json.loads, "1e+16" a float.
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    bool integral = std::string_view(buf, r.ptr - buf).find_first_of(".eE") == std::string_view::npos;
    Add(integral ? PyLong_FromDouble(v) : PyFloat_FromDouble(v));
  }
  void Bool(bool v) { Add(PyBool_FromLong(v)); }
  void Null() { Add(Py_NewRef(Py_None)); }
  void Span(uint32_t begin, uint32_t end) {
    PyObject* pair = PyList_New(2);
    if (pair != nullptr) {
      PyList_SET_ITEM(pair, 0, PyLong_FromUnsignedLong(begin));
      PyList_SET_ITEM(pair, 1, PyLong_FromUnsignedLong(end));
    }
    Add(pair);
  }

  // The finished value (a new reference), or an error set (out of memory).
  py::object Take() {
    if (failed_ || result_ == nullptr || !stack_.empty()) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(std::exchange(result_, nullptr));
  }

 private:
  struct Level {
    PyObject* container;
    PyObject* key;  // the pending key of a dict (borrowed: interned keys live forever)
  };

  // Interned keys, made once per process and never freed (they are used by
  // every result). Only touched with the GIL held.
  static PyObject* InternedKey(std::string_view k) {
    // Keyed by views of the interned strs' own UTF-8, which live as long.
    static auto* keys = new std::unordered_map<std::string_view, PyObject*>();
    auto it = keys->find(k);
    if (it != keys->end()) return it->second;
    PyObject* o = PyUnicode_FromStringAndSize(k.data(), static_cast<Py_ssize_t>(k.size()));
    if (o == nullptr) return nullptr;
    PyUnicode_InternInPlace(&o);
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(o, &size);
    if (utf8 == nullptr) return nullptr;
    keys->emplace(std::string_view(utf8, static_cast<size_t>(size)), o);
    return o;
  }

  void Open(PyObject* container) {
    if (container == nullptr) {
      failed_ = true;
      return;
    }
    // Kept on the stack until closed, then added to its parent.
    stack_.push_back({container, key_});
    key_ = nullptr;
  }
  void Close() {
    if (stack_.empty()) return;
    Level l = stack_.back();
    stack_.pop_back();
    key_ = l.key;
    Add(l.container);
  }
  // Adds a new reference to the open container (under the pending key), or
  // makes it the result; steals it.
  void Add(PyObject* v) {
    if (v == nullptr) {
      failed_ = true;
      return;
    }
    if (stack_.empty()) {
      Py_XDECREF(result_);
      result_ = v;
      return;
    }
    PyObject* c = stack_.back().container;
    if (PyDict_Check(c)) {
      if (key_ == nullptr || PyDict_SetItem(c, key_, v) != 0) failed_ = true;
      key_ = nullptr;
    } else if (PyList_Append(c, v) != 0) {
      failed_ = true;
    }
    Py_DECREF(v);
  }

  std::vector<Level> stack_;
  PyObject* key_ = nullptr;
  PyObject* result_ = nullptr;
  bool failed_ = false;
};

// An opened Extractor, or the Status that kept it from opening.
class PyExtractor {
 public:
  explicit PyExtractor(const ExtractorOptions& options) {
    Result<std::unique_ptr<Extractor>> opened = Extractor::Open(options);
    if (!opened.ok()) Raise(opened.status());
    extractor_ = std::move(opened).value();
  }
  const Extractor& get() const { return *extractor_; }

  // The JSON of `sitrep extract --compact` for one document.
  std::string ExtractJson(const py::handle& text, const std::string& published, const std::string& outlet,
                          const std::string& language, const std::string& input, uint64_t max_bytes,
                          size_t window_bytes) const {
    Extraction x = Run(text, published, outlet, language, input, max_bytes, window_bytes);
    py::gil_scoped_release release;
    return ToJsonString(x, -1);
  }

  // The same as Python objects (what json.loads of ExtractJson gives).
  py::object Extract(const py::handle& text, const std::string& published, const std::string& outlet,
                     const std::string& language, const std::string& input, uint64_t max_bytes,
                     size_t window_bytes) const {
    Extraction x = Run(text, published, outlet, language, input, max_bytes, window_bytes);
    PyObjectBuilder b;
    WriteExtraction(x, b);
    return b.Take();
  }

 private:
  // LoadDocument and Extract with the GIL released; raises sitrep.Error.
  Extraction Run(const py::handle& text, const std::string& published, const std::string& outlet,
                 const std::string& language, const std::string& input, uint64_t max_bytes,
                 size_t window_bytes) const {
    if (input != "auto" && input != "text" && input != "html") {
      Raise(Status::InvalidArgument("input must be auto, text or html, not '" + input + "'"));
    }
    if (!language.empty() && language != "en" && language != "ru" && language != "uk") {
      Raise(Status::InvalidArgument("language must be en, ru or uk, not '" + language + "'"));
    }
    std::string bytes = Bytes(text);
    LoadOptions lo;
    lo.published = published;
    lo.outlet = outlet;
    lo.language = language;
    lo.format = input;
    lo.max_bytes = max_bytes;
    Status failed;
    Extraction x;
    {
      py::gil_scoped_release release;
      Result<Document> doc = LoadDocument(std::move(bytes), lo);
      if (!doc.ok()) {
        failed = doc.status();
      } else {
        ExtractOptions xo;
        xo.window_bytes = window_bytes;
        Result<Extraction> r = extractor_->Extract(*doc, xo);
        if (!r.ok()) {
          failed = r.status();
        } else {
          x = std::move(r).value();
        }
      }
    }
    if (!failed.ok()) Raise(failed);
    return x;
  }

  std::unique_ptr<Extractor> extractor_;
};

// The process's Extractor for sitrep.extract and sitrep.dask: opened on
// first use with the default search (src/pipeline/data_paths.h), once; a
// failure is raised to every caller, and tried again on the next call.
std::mutex default_mu;
std::unique_ptr<PyExtractor> default_extractor;

const PyExtractor& DefaultPyExtractor() {
  std::lock_guard lock(default_mu);
  if (!default_extractor) default_extractor = std::make_unique<PyExtractor>(ExtractorOptions{});
  return *default_extractor;
}

py::dict SummaryDict(const IngestSummary& s) {
  py::dict d;
  d["files"] = s.files;
  d["ignored_files"] = s.ignored_files;
  d["records"] = s.records;
  d["bytes"] = s.bytes;
  d["added"] = s.added;
  d["new_versions"] = s.new_versions;
  d["unchanged"] = s.unchanged;
  d["near_duplicates"] = s.near_duplicates;
  d["claims"] = s.claims;
  d["problems"] = s.problems;
  d["warnings"] = s.warnings;
  d["skipped_records"] = s.skipped_records;
  d["groups"] = s.groups;
  d["seconds"] = s.seconds;
  return d;
}

// IngestCorpus, the same call `sitrep ingest` makes, with the GIL released.
// Returns (summary, problems), problems as (origin, reason, skipped).
py::tuple Ingest(const std::vector<std::string>& paths, const std::string& db, int shard_index, int shard_count,
                 bool corroborate, bool rebuild_groups, int jobs, size_t batch_documents, const std::string& published,
                 const std::string& outlet, const std::string& arguments, uint64_t max_bytes) {
  const PyExtractor& extractor = DefaultPyExtractor();
  IngestOptions o;
  o.extractor = &extractor.get();
  o.db_path = db;
  o.shard_index = shard_index;
  o.shard_count = shard_count;
  o.corroborate = corroborate;
  o.rebuild_groups = rebuild_groups;
  o.jobs = jobs;
  o.batch_documents = batch_documents;
  o.published = published;
  o.outlet = outlet;
  o.arguments = arguments;
  o.max_bytes = max_bytes;
  std::vector<IngestProblem> problems;
  o.on_problem = [&](const IngestProblem& p) { problems.push_back(p); };
  std::optional<Result<IngestSummary>> r;
  {
    py::gil_scoped_release release;
    r.emplace(IngestCorpus(paths, o));
  }
  if (!r->ok()) Raise(r->status());
  py::list out;
  for (const IngestProblem& p : problems) out.append(py::make_tuple(p.origin, p.reason, p.skipped));
  return py::make_tuple(SummaryDict(**r), out);
}

// ListCorpusFiles: (files as (path, bytes, container), ignored_files, problems as (origin, reason)).
py::tuple ListFiles(const std::vector<std::string>& paths) {
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  std::optional<Result<std::vector<CorpusFile>>> r;
  {
    py::gil_scoped_release release;
    r.emplace(ListCorpusFiles(paths, [&](const RecordProblem& p) { problems.push_back(p); }, &stats));
  }
  if (!r->ok()) Raise(r->status());
  py::list files, bad;
  for (const CorpusFile& f : **r) files.append(py::make_tuple(f.path, f.bytes, f.container));
  for (const RecordProblem& p : problems) bad.append(py::make_tuple(p.origin, p.reason));
  return py::make_tuple(files, stats.ignored_files, bad);
}

}  // namespace
}  // namespace sitrep::python

PYBIND11_MODULE(_sitrep, m) {
  using namespace sitrep::python;
  m.doc() = "sitrep's C++ library; use the sitrep package (python/sitrep/__init__.py), not this module";
  // Never freed: the type lives as long as the interpreter, and a static
  // py::object would be released after it has gone.
  error_type = new py::object(py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      "sitrep.Error", "An error sitrep reports, with its message.", PyExc_Exception, nullptr)));
  m.attr("Error") = *error_type;
  m.attr("version") = sitrep::kVersion;
  m.attr("default_max_bytes") = sitrep::kDefaultMaxBytes;

  py::class_<PyExtractor>(m, "Extractor")
      .def(py::init([](const std::string& gazetteer, const std::string& attribution_model,
                       const std::string& events_model, const std::string& hunspell_dir) {
             sitrep::ExtractorOptions o;
             o.gazetteer_path = gazetteer;
             o.attribution_model_path = attribution_model;
             o.events_model_path = events_model;
             o.hunspell_dir = hunspell_dir;
             return std::make_unique<PyExtractor>(o);
           }),
           py::arg("gazetteer") = "", py::arg("attribution_model") = "", py::arg("events_model") = "",
           py::arg("hunspell_dir") = "")
      .def("extract_json", &PyExtractor::ExtractJson, py::arg("text"), py::arg("published") = "",
           py::arg("outlet") = "", py::arg("language") = "", py::arg("input") = "auto",
           py::arg("max_bytes") = sitrep::kDefaultMaxBytes, py::arg("window_bytes") = sitrep::kDefaultWindowBytes)
      .def("extract", &PyExtractor::Extract, py::arg("text"), py::arg("published") = "", py::arg("outlet") = "",
           py::arg("language") = "", py::arg("input") = "auto", py::arg("max_bytes") = sitrep::kDefaultMaxBytes,
           py::arg("window_bytes") = sitrep::kDefaultWindowBytes)
      .def_property_readonly("gazetteer_path", [](const PyExtractor& e) { return e.get().gazetteer_path(); });
  m.def("default_extractor", &DefaultPyExtractor, py::return_value_policy::reference,
        "The process's Extractor, opened on first use with the default data paths");
  m.def("ingest", &Ingest, py::arg("paths"), py::arg("db"), py::arg("shard_index") = 0, py::arg("shard_count") = 1,
        py::arg("corroborate") = true, py::arg("rebuild_groups") = false, py::arg("jobs") = 1,
        py::arg("batch_documents") = sitrep::IngestOptions{}.batch_documents, py::arg("published") = "",
        py::arg("outlet") = "", py::arg("arguments") = "", py::arg("max_bytes") = sitrep::kDefaultMaxBytes);
  m.def("list_corpus_files", &ListFiles, py::arg("paths"));
}

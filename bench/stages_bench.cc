// Stages (b)-(e) on their own, each over every sentence of the corpus:
//   BM_Tokenize           tokens::Tokenizer (tokens, lowercase copy, hashes, sentence split)
//   BM_Match/<table>      match::PhraseMatcher::Find per sentence for triggers, nouns, cues
//                         and country places; BM_Match/lexicon runs triggers+nouns+cues
//   BM_ExtractNumbers     extract::NumberExtractor per sentence
//   BM_ExtractDates       extract::DateExtractor per sentence (with the publication date)
// Matching and extraction run over pre-tokenized documents, so they exclude tokenization.
//
// These are upper bounds of the stage costs inside pipeline::Coder, which runs cues and
// numbers only on sentences with a trigger or a protester noun; BM_Code in coder_bench.cc is
// the combined figure.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "bench/corpus.h"
#include "extract/dates.h"
#include "extract/numbers.h"
#include "match/phrase_matcher.h"
#include "tokens/tokenizer.h"

namespace evident::bench {
namespace {

// Every corpus document tokenized once. Built in place (never moved): token norms point into
// each TokenizedText's own `lower` string.
const std::vector<tokens::TokenizedText>& TokenizedCorpus() {
  static const std::vector<tokens::TokenizedText> docs = [] {
    const Corpus& corpus = *GetCorpus();
    std::vector<tokens::TokenizedText> out(corpus.docs.size());
    tokens::Tokenizer tokenizer;
    for (size_t i = 0; i < corpus.docs.size(); ++i) tokenizer.Tokenize(corpus.docs[i].text, &out[i]);
    return out;
  }();
  return docs;
}

// The country phrase table the engine matches places with. Engine keeps its own private, so
// this mirrors Engine::Create in src/pipeline/engine.cc (names, aliases, demonyms and demonym
// plurals); keep the two in step.
const lexicon::PhraseTable& PlaceTable() {
  static const lexicon::PhraseTable table = [] {
    lexicon::PhraseTable pt;
    pt.name = "countries.tsv";
    auto add = [&](const std::string& code, const std::string& phrase, bool demonym) {
      lexicon::Entry entry;
      entry.fields = {code};
      entry.phrase = phrase;
      entry.file = "countries.tsv";
      uint32_t idx = static_cast<uint32_t>(pt.entries.size());
      pt.entries.push_back(entry);
      lexicon::Phrase p;
      p.words = lexicon::SplitPhrase(phrase);
      p.entry = idx;
      if (p.words.empty()) return;
      pt.phrases.push_back(p);
      if (demonym && p.words.back().back() != 's') {
        p.words.back() += "s";
        pt.phrases.push_back(p);
      }
    };
    for (const auto& c : GetEngine().countries().entries()) {
      add(c.code, c.name, false);
      for (const auto& a : c.aliases) add(c.code, a, false);
      for (const auto& d : c.demonyms) add(c.code, d, true);
    }
    return pt;
  }();
  return table;
}

void BM_Tokenize(benchmark::State& state) {
  const Corpus& corpus = *GetCorpus();
  ResetPeakRss();
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText out;
  size_t sentences = 0, tokens = 0;
  for (auto _ : state) {
    sentences = tokens = 0;
    for (const auto& d : corpus.docs) {
      tokenizer.Tokenize(d.text, &out);
      sentences += out.sentences.size();
      tokens += out.tokens.size();
    }
    benchmark::DoNotOptimize(sentences);
  }
  ReportCorpusThroughput(state, corpus);
  state.counters["tokens"] = benchmark::Counter(static_cast<double>(tokens));
  if (sentences != corpus.sentences) state.SkipWithError("sentence count differs between passes");
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

enum Table { kTriggers, kNouns, kCues, kPlaces, kLexicon };

void BM_Match(benchmark::State& state, Table table) {
  const Corpus& corpus = *GetCorpus();
  const auto& docs = TokenizedCorpus();
  const auto& lex = GetEngine().lexicon();
  ResetPeakRss();
  std::vector<std::unique_ptr<match::PhraseMatcher>> matchers;
  switch (table) {
    case kTriggers:
      matchers.push_back(std::make_unique<match::PhraseMatcher>(lex.triggers()));
      break;
    case kNouns:
      matchers.push_back(std::make_unique<match::PhraseMatcher>(lex.nouns()));
      break;
    case kCues:
      matchers.push_back(std::make_unique<match::PhraseMatcher>(lex.cues()));
      break;
    case kPlaces:
      matchers.push_back(std::make_unique<match::PhraseMatcher>(PlaceTable()));
      break;
    case kLexicon:
      matchers.push_back(std::make_unique<match::PhraseMatcher>(lex.triggers()));
      matchers.push_back(std::make_unique<match::PhraseMatcher>(lex.nouns()));
      matchers.push_back(std::make_unique<match::PhraseMatcher>(lex.cues()));
      break;
  }
  std::vector<match::Match> found;
  size_t matches = 0, sentences_with_match = 0;
  for (auto _ : state) {
    matches = sentences_with_match = 0;
    for (const auto& doc : docs) {
      for (const auto& s : doc.sentences) {
        found.clear();
        for (const auto& m : matchers) m->Find(doc, s.begin_token, s.end_token, &found);
        matches += found.size();
        sentences_with_match += !found.empty();
      }
    }
    benchmark::DoNotOptimize(matches);
  }
  ReportCorpusThroughput(state, corpus);
  state.counters["matches"] = benchmark::Counter(static_cast<double>(matches));
  state.counters["matched_sentence_pct"] =
      benchmark::Counter(corpus.sentences ? 100.0 * sentences_with_match / corpus.sentences : 0.0);
}
BENCHMARK_CAPTURE(BM_Match, triggers, kTriggers)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Match, nouns, kNouns)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Match, cues, kCues)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Match, places, kPlaces)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Match, lexicon, kLexicon)->Unit(benchmark::kMillisecond);

void BM_ExtractNumbers(benchmark::State& state) {
  const Corpus& corpus = *GetCorpus();
  const auto& docs = TokenizedCorpus();
  ResetPeakRss();
  extract::NumberExtractor numbers;
  std::vector<extract::Quantity> found;
  size_t quantities = 0;
  for (auto _ : state) {
    quantities = 0;
    for (const auto& doc : docs) {
      for (const auto& s : doc.sentences) {
        found.clear();
        numbers.Extract(doc, s.begin_token, s.end_token, &found);
        quantities += found.size();
      }
    }
    benchmark::DoNotOptimize(quantities);
  }
  ReportCorpusThroughput(state, corpus);
  state.counters["quantities"] = benchmark::Counter(static_cast<double>(quantities));
}
BENCHMARK(BM_ExtractNumbers)->Unit(benchmark::kMillisecond);

void BM_ExtractDates(benchmark::State& state) {
  const Corpus& corpus = *GetCorpus();
  const auto& docs = TokenizedCorpus();
  ResetPeakRss();
  extract::DateExtractor dates;
  std::vector<extract::DateMention> found;
  size_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      for (const auto& s : docs[i].sentences) {
        found.clear();
        dates.Extract(docs[i], s.begin_token, s.end_token, corpus.published[i], &found);
        mentions += found.size();
      }
    }
    benchmark::DoNotOptimize(mentions);
  }
  ReportCorpusThroughput(state, corpus);
  state.counters["mentions"] = benchmark::Counter(static_cast<double>(mentions));
}
BENCHMARK(BM_ExtractDates)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace evident::bench

int main(int argc, char** argv) { return evident::bench::RunBenchmarks(argc, argv); }

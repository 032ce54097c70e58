# Runs each benchmark program in BENCHES ("|"-separated paths) once with a tiny min_time and
# fails if one exits non-zero or reports a benchmark error. Used by the bench_smoke CTest test.
string(REPLACE "|" ";" benches "${BENCHES}")
foreach(bench IN LISTS benches)
  execute_process(COMMAND ${bench} --benchmark_min_time=0.01
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${bench} exited with ${rc}")
  endif()
  if(out MATCHES "ERROR OCCURRED")
    message(FATAL_ERROR "${bench} reported a benchmark error")
  endif()
endforeach()

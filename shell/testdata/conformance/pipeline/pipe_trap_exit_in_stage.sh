echo | { trap 'echo stage-exit' EXIT; cat; }

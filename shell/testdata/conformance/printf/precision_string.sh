printf '[%.3s][%.0s]\n' abcdef xyz

printf '%s %d\n' word 42
printf '[%5s][%-5s][%.2s]\n' ab ab abcdef

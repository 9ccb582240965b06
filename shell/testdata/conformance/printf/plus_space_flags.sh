printf '[%+5d][% 5d][%-+5d]\n' 3 3 3

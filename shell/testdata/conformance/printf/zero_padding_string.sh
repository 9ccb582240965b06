printf '[%05s]\n' ab

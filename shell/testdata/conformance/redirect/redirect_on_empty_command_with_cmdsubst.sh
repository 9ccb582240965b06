> "$(echo made).txt"
ls made.txt

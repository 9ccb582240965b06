A=1 B=2 /usr/bin/env | grep -E '^[AB]=' | sort

kill -l | tr -s ' \t' '\n\n' | grep -c .

printf '%g %g %e\n' 100000 1000000 0

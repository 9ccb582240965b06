printf 'x\ny\n' | while read v; do echo "<$v>"; done

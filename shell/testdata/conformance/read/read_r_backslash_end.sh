printf 'x\\\n' | { read -r v; echo "[$v]"; }

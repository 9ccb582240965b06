HOME=
echo "[~]" [~] ~/x

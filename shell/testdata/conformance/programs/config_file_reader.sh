cat > app.conf <<'EOF'
# comment line
name = demo
  port=8080
empty =
path = /a b/c
EOF
while IFS='=' read -r key value; do
  case $key in ''|\#*) continue;; esac
  key=$(echo $key)
  value=${value# }
  echo "[$key]=[$value]"
done < app.conf

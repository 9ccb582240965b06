read a <<EOF
from-heredoc
EOF
echo piped | { read b; echo "$a $b"; }

cat <<EOF
$(case x in x) echo matched;; esac)
EOF

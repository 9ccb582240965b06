cat <<EOF
	tabbed
EOF

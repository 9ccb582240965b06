cat <<-EOF
	tab-indented
		two tabs
  spaces kept
	EOF

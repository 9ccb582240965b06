printf 'b\na\nb\nc\na\n' | sort | uniq -c | sed 's/^ *//'

cat <<< word

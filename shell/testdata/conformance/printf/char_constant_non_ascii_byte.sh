printf '%d\n' "'é"

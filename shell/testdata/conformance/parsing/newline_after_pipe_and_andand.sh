echo a |

cat

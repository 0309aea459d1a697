import TDAKit
